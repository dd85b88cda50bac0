// Moved to src/prompt/ (the prompt format sits below llm/ so the built-in policy can read it).
export * from "../prompt/prompt.js";
