// llm4cov simulation driver for Verilator models (compiled once per toolchain, linked per job).
//
// Why our own main(): `verilator --binary` never writes coverage.dat, and 5.006 stops the run on
// the first $error. This driver
//   - writes coverage at every end: $finish, $fatal, $stop, simulated-time limit, wall-clock
//     limit (SIGALRM), SIGTERM/SIGINT, internal fatal errors and crashes (best effort);
//   - makes $error continue while $fatal and $stop end the run, as commercial simulators do
//     (5.006 lowers all three to the same call, so the job passes a table of source
//     locations -> severity, read from +llm4cov+stops=<file>);
//   - writes a one-line end record (+llm4cov+end=<file>) that says how the run ended.
// Plusargs: +llm4cov+cov=<file> +llm4cov+end=<file> +llm4cov+stops=<file>
//           +llm4cov+max_time_ns=<float> +llm4cov+wall_ms=<int>
#include "verilated.h"
#include "verilated_cov.h"

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <string>
#include <sys/time.h>
#include <unistd.h>

// Per-job model glue (llm4cov_model.cpp) implements these around the Verilated class.
void* llm4cov_model_new(VerilatedContext* contextp);
void llm4cov_model_eval(void* modelp);
bool llm4cov_model_events_pending(void* modelp);
uint64_t llm4cov_model_next_time_slot(void* modelp);
void llm4cov_model_final(void* modelp);

namespace {
enum EndReason {
    END_FINISH = 0,
    END_NO_EVENTS = 10,
    END_SIM_TIME = 11,
    END_WALL = 12,
    END_SIGNAL = 13,
    END_FATAL = 14,
    END_STOP = 15,
    END_INTERNAL = 16,
    END_CRASH = 17,
};
const char* reasonName(int r) {
    switch (r) {
    case END_FINISH: return "finish";
    case END_NO_EVENTS: return "no_events";
    case END_SIM_TIME: return "sim_time_limit";
    case END_WALL: return "wall_limit";
    case END_SIGNAL: return "signal";
    case END_FATAL: return "fatal";
    case END_STOP: return "stop";
    case END_INTERNAL: return "internal_error";
    default: return "crash";
    }
}

VerilatedContext* g_contextp = nullptr;
std::string g_covFile = "coverage.dat";
std::string g_endFile;
int g_reason = -1;
volatile sig_atomic_t g_ending = 0;
std::map<std::string, char> g_stops;  // "file:line" -> 'e' error, 'f' fatal, 's' stop
// File descriptors held from start-up and released just before the results are written: a
// testbench that exhausts descriptors must not stop us from writing (and so leave its own
// forged coverage.dat / end.txt in place).
int g_reserve[4] = {-1, -1, -1, -1};

void reserveFds() {
    for (int& fd : g_reserve) fd = ::open("/dev/null", O_RDONLY);
}

void releaseFds() {
    for (int& fd : g_reserve)
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
}

void writeEnd(int reason, const char* detail) {
    if (g_endFile.empty()) return;
    ::unlink(g_endFile.c_str());  // never append to or keep a file the testbench wrote
    int fd = ::open(g_endFile.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) return;
    char buf[512];
    unsigned long long t = g_contextp ? static_cast<unsigned long long>(g_contextp->time()) : 0ULL;
    int prec = g_contextp ? g_contextp->timeprecision() : -12;
    int errs = g_contextp ? g_contextp->errorCount() : 0;
    int n = std::snprintf(buf, sizeof buf, "reason=%s time=%llu precision=%d errors=%d detail=%s\n",
                          reasonName(reason), t, prec, errs, detail ? detail : "");
    if (n > 0) (void)!::write(fd, buf, static_cast<size_t>(n));
    ::close(fd);
}

void writeCoverage() {
    releaseFds();
    ::unlink(g_covFile.c_str());
    if (g_contextp) g_contextp->coveragep()->write(g_covFile.c_str());
}

// Ends the process from any context (signal handler, fatal callback): coverage, end record, exit.
[[noreturn]] void endNow(int reason, const char* detail) {
    if (g_ending) ::_exit(reason);  // a second end while ending: give up at once
    g_ending = 1;
    std::fflush(stdout);
    writeCoverage();
    writeEnd(reason, detail);
    std::fflush(stdout);
    std::fflush(stderr);
    ::_exit(reason);
}

void onSignal(int sig) {
    if (sig == SIGALRM) endNow(END_WALL, "wall-clock limit");
    if (sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGABRT) endNow(END_CRASH, strsignal(sig));
    endNow(END_SIGNAL, strsignal(sig));
}

std::string baseName(const std::string& path) {
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

void loadStops(const std::string& path) {
    std::ifstream in(path);
    std::string file, kind;
    int line;
    while (in >> file >> line >> kind) {
        char k = kind.empty() ? 'e' : kind[0];
        std::string key = baseName(file) + ":" + std::to_string(line);
        auto it = g_stops.find(key);
        // When one line holds several tasks, the most severe wins: fatal > stop > error.
        auto rank = [](char c) { return c == 'f' ? 3 : c == 's' ? 2 : 1; };
        if (it == g_stops.end() || rank(k) > rank(it->second)) g_stops[key] = k;
    }
}

const char* plusarg(const char* name) {
    const char* v = g_contextp->commandArgsPlusMatch(name);
    if (!v || !*v) return nullptr;
    const char* eq = std::strchr(v, '=');
    return eq ? eq + 1 : nullptr;
}
}  // namespace

// 5.006 lowers $error, $fatal, $stop and failed assertions to this one call.
void vl_stop_maybe(const char* filename, int linenum, const char* hier, bool maybe) VL_MT_UNSAFE {
    (void)hier;
    (void)maybe;
    std::string key = baseName(filename ? filename : "") + ":" + std::to_string(linenum);
    auto it = g_stops.find(key);
    char kind = it == g_stops.end() ? 'e' : it->second;
    if (kind == 'e') {
        g_contextp->errorCountInc();
        return;  // $error and failed assertions continue
    }
    g_reason = kind == 'f' ? END_FATAL : END_STOP;
    std::printf("- %s:%d: Verilog %s\n", filename, linenum, kind == 'f' ? "$fatal" : "$stop");
    g_contextp->gotFinish(true);
}

void vl_fatal(const char* filename, int linenum, const char* hier, const char* msg) VL_MT_UNSAFE {
    (void)hier;
    std::printf("%%Error: %s:%d: %s\n", filename ? filename : "", linenum, msg ? msg : "");
    endNow(END_INTERNAL, msg);
}

int main(int argc, char** argv) {
    Verilated::debug(0);
    VerilatedContext* contextp = new VerilatedContext;
    g_contextp = contextp;
    contextp->commandArgs(argc, argv);
    contextp->fatalOnError(false);

    reserveFds();
    if (const char* v = plusarg("llm4cov+cov=")) g_covFile = v;
    if (const char* v = plusarg("llm4cov+end=")) g_endFile = v;
    if (const char* v = plusarg("llm4cov+stops=")) loadStops(v);
    double maxTimeNs = 0;
    if (const char* v = plusarg("llm4cov+max_time_ns=")) maxTimeNs = std::atof(v);
    long wallMs = 0;
    if (const char* v = plusarg("llm4cov+wall_ms=")) wallMs = std::atol(v);

    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGALRM, SIGTERM, SIGINT, SIGHUP, SIGXCPU, SIGSEGV, SIGBUS, SIGFPE, SIGABRT})
        sigaction(sig, &sa, nullptr);
    if (wallMs > 0) {
        itimerval timer{};
        timer.it_value.tv_sec = wallMs / 1000;
        timer.it_value.tv_usec = (wallMs % 1000) * 1000;
        setitimer(ITIMER_REAL, &timer, nullptr);
    }

    void* modelp = llm4cov_model_new(contextp);
    // Simulated-time limit in the model's time precision units.
    uint64_t maxTicks = UINT64_MAX;
    if (maxTimeNs > 0) {
        double ticks = maxTimeNs * std::pow(10.0, -9 - contextp->timeprecision());
        if (ticks < 1.8e19) maxTicks = static_cast<uint64_t>(ticks);
    }

    int reason = END_FINISH;
    while (true) {
        llm4cov_model_eval(modelp);
        if (contextp->gotFinish()) {
            reason = g_reason >= 0 ? g_reason : END_FINISH;
            break;
        }
        if (!llm4cov_model_events_pending(modelp)) {
            reason = END_NO_EVENTS;
            break;
        }
        uint64_t next = llm4cov_model_next_time_slot(modelp);
        if (next > maxTicks) {
            contextp->time(maxTicks);
            reason = END_SIM_TIME;
            break;
        }
        contextp->time(next);
    }
    // Stop the wall timer before final blocks and file writing.
    itimerval off{};
    setitimer(ITIMER_REAL, &off, nullptr);
    if (reason == END_FINISH || reason == END_NO_EVENTS || reason == END_STOP) llm4cov_model_final(modelp);
    std::fflush(stdout);
    writeCoverage();
    writeEnd(reason, "");
    std::fflush(stdout);
    // Skip model destruction: the process ends here and some 5.006 class models crash in teardown.
    ::_exit(reason);
}
