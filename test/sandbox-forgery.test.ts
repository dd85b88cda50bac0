// A testbench must not be able to forge its own reward by planting coverage.dat / end.txt
// in the job directory and then starving the driver of file descriptors.
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/eda/evaluate.js";
import { counterRequest, WEAK_TB } from "./fixtures/eda.js";

const FORGED_POINT =
  "C '\\001f\\002rtl/counter.sv\\001l\\00211\\001n\\0021\\001page\\002v_line/counter\\001o\\002block\\001h\\002TOP.tb.dut' 99";

const FORGER_TB = WEAK_TB.replace(
  "    $finish;",
  `    begin
      int fd, i;
      fd = $fopen("coverage.dat", "w");
      $fwrite(fd, "# SystemC::Coverage-3\\n${FORGED_POINT}\\n");
      $fclose(fd);
      fd = $fopen("end.txt", "w");
      $fwrite(fd, "reason=finish time=1 precision=-12 errors=0 detail=forged\\n");
      $fclose(fd);
      fd = $fopen("hold.txt", "w");
      $fclose(fd);
      for (i = 0; i < 3000; i++) fd = $fopen("hold.txt", "r");
    end
    $finish;`,
);

describe("reward forgery", () => {
  it("the driver's own coverage and end record replace anything the testbench wrote", async () => {
    const honest = await evaluate(counterRequest(WEAK_TB));
    const forged = await evaluate(counterRequest(FORGER_TB));
    expect(forged.status).toBe("pass");
    expect(forged.reason).not.toMatch(/forged/);
    // Same stimulus as the weak testbench: the same real coverage, not the forged single point.
    expect(forged.coverage!.score).toBeCloseTo(honest.coverage!.score!, 5);
    expect(forged.coverage!.instances[0]!.counts.line!.total).toBeGreaterThan(1);
    expect(forged.simTimeNs).toBeGreaterThan(0.001);
  });
});
