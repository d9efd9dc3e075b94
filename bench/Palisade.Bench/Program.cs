using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Palisade.Bench -- --filter '*'    (see docs/benchmarks.md)
// dotnet run -c Release --project bench/Palisade.Bench -- egress-memory [MB]   (1 GB through the intercepting proxy, peak RSS)
if (args.Length > 0 && args[0] == "egress-memory") return await Palisade.Bench.EgressMemoryRun.RunAsync(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
