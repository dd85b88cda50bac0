// Loads a user's workflow file (`--workflow ./my-workflow.js`): an ES module whose default
// export, `workflow` export, or only exported workflow is a value made by defineWorkflow.
// `file.js#name` picks a named export. A .ts file needs a TypeScript loader in the process
// (Node 20 has none built in): run the CLI as `node --import tsx` (docs/api.md).
import { existsSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { registerWorkflow } from "../registry.js";
import { isWorkflow, WorkflowDefinitionError, type Workflow } from "./types.js";

const EXTENSIONS = [".js", ".mjs", ".ts", ".mts"];

export async function loadWorkflowFile(spec: string, opts: { register?: boolean } = {}): Promise<Workflow> {
  const hash = spec.lastIndexOf("#");
  const file = hash > 0 ? spec.slice(0, hash) : spec;
  const exportName = hash > 0 ? spec.slice(hash + 1) : undefined;
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new WorkflowDefinitionError(`${file}: no such workflow file`);
  if (!EXTENSIONS.includes(extname(path)))
    throw new WorkflowDefinitionError(`${file}: a workflow file ends in ${EXTENSIONS.join(", ")}`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "ERR_UNKNOWN_FILE_EXTENSION")
      throw new WorkflowDefinitionError(
        `${file}: Node ${process.versions.node} cannot load TypeScript by itself; run with a loader ` +
          `(NODE_OPTIONS="--import tsx" llm4cov ..., with tsx installed in your project) or compile it to .js`,
      );
    throw new WorkflowDefinitionError(`${file}: cannot load: ${e.message?.split("\n")[0]}`);
  }
  let found: unknown;
  if (exportName) {
    found = mod[exportName];
    if (!isWorkflow(found))
      throw new WorkflowDefinitionError(
        `${file}: export ${exportName} is not a workflow made by defineWorkflow`,
      );
  } else if (isWorkflow(mod.default)) found = mod.default;
  else if (isWorkflow(mod.workflow)) found = mod.workflow;
  else {
    const all = Object.entries(mod).filter(([, v]) => isWorkflow(v));
    if (all.length !== 1)
      throw new WorkflowDefinitionError(
        all.length
          ? `${file}: exports ${all.length} workflows (${all.map(([k]) => k).join(", ")}); pick one with ${file}#NAME`
          : `${file}: exports no workflow (export default defineWorkflow({ name, version, run }))`,
      );
    found = all[0]![1];
  }
  const wf = found as Workflow;
  return opts.register === false ? wf : registerWorkflow(wf, { replace: true });
}
