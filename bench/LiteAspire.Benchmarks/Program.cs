using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

using LiteAspire.Benchmarks.Probes;

// `ttft <url> ...` measures time to first streamed token against a running server (used by bench/load.sh);
// `worker-throughput ...` times Workers draining the spend stream into PostgreSQL;
// anything else goes to BenchmarkDotNet (e.g. `--filter '*Sse*'`, `--list flat`).
if (args.Length > 0 && args[0] == "ttft")
{
    return await TtftProbe.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "worker-throughput")
{
    return await WorkerThroughputProbe.RunAsync(args[1..]);
}

// A busy 2-core machine needs longer than the default 2 minutes to build BenchmarkDotNet's generated project.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(TtftProbe).Assembly).Run(args, config);
return 0;
