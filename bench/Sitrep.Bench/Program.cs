using BenchmarkDotNet.Running;
using Sitrep.Bench;

// dotnet run -c Release --project bench/Sitrep.Bench -- e2e --corpus DIR      end-to-end throughput and peak memory
// dotnet run -c Release --project bench/Sitrep.Bench -- scaling [--case C]       hostile inputs (long line, nesting) at 1-8 MB
// dotnet run -c Release --project bench/Sitrep.Bench -- syntax --conllu FILE   parse a treebank, words per CPU second
// dotnet run -c Release --project bench/Sitrep.Bench -- frames [--mb 2]          cost of claim frames from the parse, CPU s/MB
// dotnet run -c Release --project bench/Sitrep.Bench -- readers [--mb 8]        reader throughput (PDF, DOCX, mbox, Markdown, HTML), MB/s and peak memory
// dotnet run -c Release --project bench/Sitrep.Bench -- story build|add ...     a growing story: one new report into N stored
// dotnet run -c Release --project bench/Sitrep.Bench -- align-gold --pairs FILE  the meaning alignment's scored pairs on the disputes gold's ECB+ topics (TSV)
// dotnet run -c Release --project bench/Sitrep.Bench -- minilm-settings --texts FILE  ONNX Runtime settings for MiniLM, CPU s each on the same sentences
// dotnet run -c Release --project bench/Sitrep.Bench -- models                 the fixed cost: each shipped model's load, CPU and wall seconds
// dotnet run -c Release --project bench/Sitrep.Bench -- make-corpus ...       build the ≥ 50 MB FNC-1 corpus
// dotnet run -c Release --project bench/Sitrep.Bench -- brief-phase --db FILE   the brief phase alone, from a store e2e --db kept
// dotnet run -c Release --project bench/Sitrep.Bench -- store-save --corpus DIR --db FILE --db postgres://…  save throughput of each store
// dotnet run -c Release --project bench/Sitrep.Bench -- bad-input [--docs 2500,5000]  hostile story: 10,000-word sentence, number table, 1,000 identical claims, no verbs
// dotnet run -c Release --project bench/Sitrep.Bench -- load-web --db FILE [--rate 500] [--seconds 30] [--mode both]  read endpoints of the workbench under an open-loop load
// dotnet run -c Release --project bench/Sitrep.Bench -- [BenchmarkDotNet args] stage benchmarks (e.g. --filter '*Sentence*')
if (args.Length > 0 && args[0] == "e2e")
{
    return EndToEnd.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "align-gold")
{
    return AlignmentPairs.RunGold(args[1..]);
}

if (args.Length > 0 && args[0] == "minilm-settings")
{
    return MiniLmSettings.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "models")
{
    return ModelLoading.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "story")
{
    return StoryGrowth.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "brief-phase")
{
    return BriefPhase.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "bad-input")
{
    return BadInput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "store")
{
    return StoreProbe.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "store-save")
{
    return StoreSave.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "propositions")
{
    return PropositionScaling.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "scaling")
{
    return InputScaling.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "syntax")
{
    return SyntaxProbe.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "frames")
{
    return FrameProbe.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "readers")
{
    return ReaderThroughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "load-web")
{
    return Sitrep.Bench.Web.WebLoad.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "make-corpus")
{
    return CorpusMaker.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(EndToEnd).Assembly).Run(args);
return 0;
