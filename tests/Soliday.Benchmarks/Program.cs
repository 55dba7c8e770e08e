using Soliday.Benchmarks;

// dotnet run -c Release --project tests/Soliday.Benchmarks -- submissions [count] [photo file in real-exif]
// dotnet run -c Release --project tests/Soliday.Benchmarks -- imaging
// dotnet run -c Release --project tests/Soliday.Benchmarks -- pages
// dotnet run -c Release --project tests/Soliday.Benchmarks -- curation [waiting] [decisions]
var command = args.ElementAtOrDefault(0) ?? "submissions";
switch (command)
{
    case "submissions":
        await SubmissionThroughput.RunAsync(
            count: int.Parse(args.ElementAtOrDefault(1) ?? "200"),
            photoFile: args.ElementAtOrDefault(2) ?? "EX__jpg_Canon_40D.jpg");
        return 0;
    case "imaging":
        await ImagingBenchmark.RunAsync();
        return 0;
    case "curation":
        await CurationLatency.RunAsync(
            waiting: int.Parse(args.ElementAtOrDefault(1) ?? "1000"),
            decisions: int.Parse(args.ElementAtOrDefault(2) ?? "50"));
        return 0;
    case "pages":
        await PageWeight.RunAsync();
        return 0;
    case "imaging-one": // one photo in a fresh process, so its peak memory can be measured
        return await ImagingBenchmark.RunOneAsync(args.ElementAtOrDefault(1));
    default:
        Console.Error.WriteLine($"Unknown benchmark '{command}'. Try: submissions [count] [photo], imaging, pages, or curation [waiting] [decisions]");
        return 2;
}
