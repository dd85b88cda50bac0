// The workflow registry: `--mode <name>` and EvalConfig.mode resolve here. The built-in
// workflows are registered on load; users add theirs with registerWorkflow (or --workflow FILE).
import { BUILTIN_WORKFLOWS } from "./workflows/builtin.js";
import { isWorkflow, WorkflowDefinitionError, type Workflow } from "./workflows/types.js";

const registry = new Map<string, Workflow>(BUILTIN_WORKFLOWS.map((w) => [w.name, w]));

export class UnknownWorkflowError extends Error {
  constructor(readonly workflow: string) {
    super(`unknown workflow ${JSON.stringify(workflow)}; registered: ${[...registry.keys()].join(", ")}`);
    this.name = "UnknownWorkflowError";
  }
}

/**
 * Adds a workflow under its name. Registering the same value again is a no-op; another value
 * under a taken name is an error unless `replace` (built-in names are never replaced).
 */
export function registerWorkflow(workflow: Workflow, opts: { replace?: boolean } = {}): Workflow {
  if (!isWorkflow(workflow))
    throw new WorkflowDefinitionError("registerWorkflow needs a value made by defineWorkflow");
  const had = registry.get(workflow.name);
  if (had && had !== workflow) {
    if (BUILTIN_WORKFLOWS.some((b) => b.name === workflow.name))
      throw new WorkflowDefinitionError(`${workflow.name} is a built-in workflow; choose another name`);
    if (!opts.replace)
      throw new WorkflowDefinitionError(`a workflow named ${workflow.name} is already registered`);
  }
  registry.set(workflow.name, workflow);
  return workflow;
}

export function getWorkflow(name: string): Workflow {
  const w = registry.get(name);
  if (!w) throw new UnknownWorkflowError(name);
  return w;
}

export function hasWorkflow(name: string): boolean {
  return registry.has(name);
}

export function listWorkflows(): { name: string; version: string; description?: string }[] {
  return [...registry.values()].map((w) => ({
    name: w.name,
    version: w.version,
    description: w.description,
  }));
}
