// One chat message: the unit prompts are built from and the ledger stores. Lives in core so
// the ledger and the prompt format need not depend on the LLM tier.
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}
