import { executorConformance } from "./executor-conformance.js";
import { LocalExecutor } from "../src/exec/local.js";

executorConformance("local pool", () => new LocalExecutor({ slots: 2 }));
