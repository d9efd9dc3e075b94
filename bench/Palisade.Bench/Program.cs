using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Palisade.Bench -- --filter '*'    (see docs/benchmarks.md)
// dotnet run -c Release --project bench/Palisade.Bench -- egress-memory [MB]   (1 GB through the intercepting proxy, peak RSS)
// dotnet run -c Release --project bench/Palisade.Bench -- pipeline-loop [hot|fresh|warm] [seconds]   (Stopwatch loop, content pipeline)
if (args.Length > 0 && args[0] == "pipeline-loop") return Palisade.Bench.PipelineLoop.Run(args);
// dotnet run -c Release --project bench/Palisade.Bench -- pipeline-stages [clean|dirty] [bytes]   (thread CPU per stage)
if (args.Length > 0 && args[0] == "pipeline-stages") return Palisade.Bench.PipelineStages.Run(args);
if (args.Length > 0 && args[0] == "regex-probe") return Palisade.Bench.RegexProbe.Run(args);
if (args.Length > 0 && args[0] == "egress-memory") return await Palisade.Bench.EgressMemoryRun.RunAsync(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
