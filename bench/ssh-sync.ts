// Bytes and time per job over SSH: our executor (one long-lived connection, repository files by
// sha256) against the realistic alternative a user would script: one multiplexed OpenSSH
// connection (ControlMaster/ControlPersist) and, per job, rsync of the job's workspace
// (repository + testbench; rsync sends only what changed) then one ssh command that runs the
// simulation and prints result.json. Both go through the same sshd on 127.0.0.1, behind one TCP
// proxy that counts every byte either side sends, key exchange and authentication included.
//   npx tsx bench/ssh-sync.ts [jobs]   (default 20; needs sshd, rsync and npm run build)
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { FileRef, SimRequestInput, SimResult } from "../src/core/protocol.js";
import { SshExecutor } from "../src/exec/ssh/executor.js";
import { REPO_ROOT, TestSshd } from "../test/fixtures/ssh/sshd.js";

const run = promisify(execFile);
const JOBS = Number(process.argv[2] ?? 20);
const CVDP = join(REPO_ROOT, "benchmarks", "cvdp_ecov_dev.jsonl"); // bundled with the repository
const CVDP_ID = "cvdp_agentic_hdbn_codec_0003";

interface Repo {
  name: string;
  rtl: { name: string; content: string }[];
  top: string;
  tb: string;
}

/** The largest CVDP ECov row (3 RTL files) with a stimulus testbench; else an example design. */
function loadRepo(): Repo {
  if (existsSync(CVDP)) {
    for (const line of readFileSync(CVDP, "utf8").split("\n")) {
      if (!line.includes(CVDP_ID)) continue;
      const row = JSON.parse(line) as {
        rtl_files: { name: string; content: string }[];
        dut_module_name: string;
      };
      return { name: `${CVDP_ID} (CVDP)`, rtl: row.rtl_files, top: row.dut_module_name, tb: HDBN_TB };
    }
  }
  const d = join(REPO_ROOT, "examples/designs/uart_rx");
  return {
    name: "examples/designs/uart_rx",
    rtl: [{ name: "rtl/uart_rx.sv", content: readFileSync(join(d, "rtl/uart_rx.sv"), "utf8") }],
    top: "uart_rx",
    tb: readFileSync(join(d, "reference/good_tb.sv"), "utf8"),
  };
}

const HDBN_TB = `\`timescale 1ns/1ps
module tb_hdbn_top;
  logic reset_in = 1, clk_in = 0, pulse_active_state = 1, clk_enable_in = 1, data_in = 0, output_gate_in = 1;
  logic [1:0] encoder_type = 2'd3;
  logic p_out, n_out, p_in, n_in, data_out, code_error_out;
  assign p_in = p_out;
  assign n_in = n_out;
  hdbn_top dut (.*);
  always #5 clk_in = ~clk_in;
  task automatic send(input int n, input int zeros_every);
    for (int i = 0; i < n; i++) begin
      @(negedge clk_in);
      data_in = (zeros_every != 0 && (i % zeros_every) != 0) ? 1'b0 : $urandom_range(0, 1);
      clk_enable_in = ($urandom_range(0, 15) != 0);
    end
  endtask
  initial begin
    repeat (3) @(posedge clk_in);
    reset_in = 0;
    for (int t = 0; t < 4; t++) begin
      encoder_type = t[1:0];
      pulse_active_state = t[0];
      send(200, 0);      // random data
      send(100, 5);      // long zero runs: substitutions
      output_gate_in = 0; send(20, 0); output_gate_in = 1;
      reset_in = 1; @(negedge clk_in); reset_in = 0;
    end
    $finish;
  end
endmodule
`;

/** A TCP proxy in front of sshd that counts the bytes each way (TCP payload, all connections). */
async function countingProxy(target: number) {
  const counts = { up: 0, down: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target, "127.0.0.1");
    sockets.add(client).add(upstream);
    client.on("data", (c: Buffer) => (counts.up += c.length));
    upstream.on("data", (c: Buffer) => (counts.down += c.length));
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const close = () => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((r) => server.close(() => r()));
  };
  return { port, counts, close };
}

const summary = (r: SimResult) => `${r.status}:${r.coverage?.score?.toFixed(4) ?? "-"}`;

async function main(): Promise<void> {
  const repo = loadRepo();
  const repoBytes = repo.rtl.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  const sshd = new TestSshd();
  await sshd.start();
  const proxy = await countingProxy(sshd.port);
  const work = mkdtempSync(join(tmpdir(), "llm4cov-bench-ssh-"));
  const kh = join(work, "known_hosts");
  writeFileSync(kh, sshd.knownHostsLine(proxy.port));
  console.log(
    `repository ${repo.name}: ${repo.rtl.length} files, ${repoBytes} B; testbench ${Buffer.byteLength(repo.tb)} B; ${JOBS} jobs, one at a time`,
  );
  const sent = () => proxy.counts.up + proxy.counts.down;
  try {
    // Ours: one connection, the server keeps the files by hash.
    const request = (i: number): SimRequestInput => ({
      rtl: repo.rtl as FileRef[],
      testbench: { name: "tb/tb.sv", content: repo.tb.replace("send(200, 0)", `send(${200 + i}, 0)`) },
      top: repo.top,
    });
    const ours: SimResult[] = [];
    const b0 = sent();
    const t0 = performance.now();
    const exec = new SshExecutor([sshd.spec({ port: proxy.port, knownHosts: kh, slots: 1 })]);
    await exec.start();
    for (let i = 0; i < JOBS; i++) ours.push(await exec.run(request(i)));
    await exec.close();
    const ourMs = (performance.now() - t0) / JOBS;
    const ourBytes = (sent() - b0) / JOBS;

    // Baseline: one multiplexed OpenSSH connection; per job rsync of the workspace, one ssh run.
    const sock = join(work, "mux.sock");
    const ssh = [
      ...["-o", "BatchMode=yes", "-o", `UserKnownHostsFile=${kh}`, "-o", "StrictHostKeyChecking=yes"],
      ...["-o", "IdentitiesOnly=yes", "-i", sshd.userKey, "-p", String(proxy.port)],
      ...["-o", `ControlPath=${sock}`],
    ];
    const target = "root@127.0.0.1";
    const local = join(work, "workspace");
    for (const f of repo.rtl) {
      const p = join(local, f.name);
      await run("mkdir", ["-p", join(p, "..")]);
      writeFileSync(p, f.content);
    }
    const remote = join(sshd.workDir, "workspace");
    const rtlArgs = repo.rtl.map((f) => f.name).join(" ");
    const sim = `${process.execPath} ${join(REPO_ROOT, "bin/llm4cov")} sim --json --rtl ${rtlArgs} --tb tb/tb.sv --top ${repo.top}`;
    const base: SimResult[] = [];
    const b1 = sent();
    const t1 = performance.now();
    // The master: authenticates once, then carries every later ssh/rsync as a channel.
    await run("ssh", [...ssh, "-o", "ControlMaster=yes", "-o", "ControlPersist=yes", "-f", "-N", target]);
    await run("ssh", [...ssh, target, `mkdir -p ${remote}`]);
    for (let i = 0; i < JOBS; i++) {
      await run("mkdir", ["-p", join(local, "tb")]);
      writeFileSync(join(local, "tb", "tb.sv"), request(i).testbench.content!);
      await run("rsync", [
        "-a",
        "--delete",
        "-e",
        `ssh ${ssh.join(" ")}`,
        `${local}/`,
        `${target}:${remote}/`,
      ]);
      const { stdout } = await run("ssh", [...ssh, target, `cd ${remote} && ${sim}; true`], {
        maxBuffer: 64 << 20,
      });
      base.push(JSON.parse(stdout) as SimResult);
    }
    await run("ssh", [...ssh, "-O", "exit", target]).catch(() => undefined);
    const baseMs = (performance.now() - t1) / JOBS;
    const baseBytes = (sent() - b1) / JOBS;

    const same = ours.every((r, i) => summary(r) === summary(base[i]!));
    console.log(`results: ours ${ours.map(summary).slice(0, 3).join(" ")} ...; same as baseline: ${same}`);
    console.log(
      `ours:     ${Math.round(ourBytes)} B/job both ways, ${Math.round(ourMs)} ms/job (one connection, files by hash)`,
    );
    console.log(
      `baseline: ${Math.round(baseBytes)} B/job both ways, ${Math.round(baseMs)} ms/job (ControlMaster connection, rsync + ssh per job)`,
    );
    console.log(`time ratio (baseline/ours): ${(baseMs / ourMs).toFixed(2)}`);
    console.log(`ratio: ${(baseBytes / ourBytes).toFixed(2)}`);
  } finally {
    await proxy.close();
    await sshd.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
