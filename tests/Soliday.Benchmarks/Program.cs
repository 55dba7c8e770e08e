using Soliday.Testing;
using Soliday.Benchmarks;

// dotnet run -c Release --project tests/Soliday.Benchmarks -- submissions [count] [photo file in real-exif] [warm-up count] [rounds]
// dotnet run -c Release --project tests/Soliday.Benchmarks -- imaging
// dotnet run -c Release --project tests/Soliday.Benchmarks -- heif
// dotnet run -c Release --project tests/Soliday.Benchmarks -- webp-methods [folder to keep the renditions in]
// dotnet run -c Release --project tests/Soliday.Benchmarks -- hostile [rounds] [Imaging:MaxConcurrentPhotos]
// dotnet run -c Release --project tests/Soliday.Benchmarks -- pages
// dotnet run -c Release --project tests/Soliday.Benchmarks -- curation [waiting levels, e.g. 50,1000,10000] [decisions]
// dotnet run -c Release --project tests/Soliday.Benchmarks -- azurite [waiting levels, e.g. 1000,5000]
// dotnet run -c Release --project tests/Soliday.Benchmarks -- publishing [timed] [sizes, e.g. 100,1000,10000]
// dotnet run -c Release --project tests/Soliday.Benchmarks -- site [entries] [path to lighthouse's cli/index.js]
// dotnet run --project tests/Soliday.Benchmarks -- dependencies [from folder] [to folder]   (docs/layering.md)
SolidayHost.CheckAzuriteSaves = false; // the figures are Azurite's own pace, not its pace while checked
var command = args.ElementAtOrDefault(0) ?? "submissions";
switch (command)
{
    case "submissions":
        await SubmissionThroughput.RunAsync(
            count: int.Parse(args.ElementAtOrDefault(1) ?? "200"),
            photoFile: args.ElementAtOrDefault(2) ?? "EX__jpg_Canon_40D.jpg",
            warmUp: int.Parse(args.ElementAtOrDefault(3) ?? "50"),
            rounds: int.Parse(args.ElementAtOrDefault(4) ?? "1"));
        return 0;
    case "imaging":
        await ImagingBenchmark.RunAsync();
        return 0;
    case "heif":
        await HeifBenchmark.RunAsync();
        return 0;
    case "webp-methods":
        await WebpMethods.RunAsync(keepIn: args.ElementAtOrDefault(1));
        return 0;
    case "hostile":
        await HostileUploads.RunAsync(
            rounds: int.Parse(args.ElementAtOrDefault(1) ?? "5"),
            concurrentPhotos: args.ElementAtOrDefault(2) is { } slots ? int.Parse(slots) : null);
        return 0;
    case "curation":
        await CurationLatency.RunAsync(
            waitingLevels: [.. (args.ElementAtOrDefault(1) ?? "50,1000").Split(',').Select(int.Parse)],
            decisions: int.Parse(args.ElementAtOrDefault(2) ?? "50"));
        return 0;
    case "publishing":
        await PublishBenchmark.RunAsync(
            timed: int.Parse(args.ElementAtOrDefault(1) ?? "20"),
            sizes: [.. (args.ElementAtOrDefault(2) ?? "100,1000,10000").Split(',').Select(int.Parse)]);
        return 0;
    case "site":
        await DayPageWeight.RunAsync(
            entries: int.Parse(args.ElementAtOrDefault(1) ?? "500"),
            lighthouse: args.ElementAtOrDefault(2));
        return 0;
    case "azurite":
        await AzuriteSpeedups.RunAsync([.. (args.ElementAtOrDefault(1) ?? "1000,5000").Split(',').Select(int.Parse)]);
        return 0;
    case "pages":
        await PageWeight.RunAsync();
        return 0;
    case "dependencies":
        return DependencyTable.Run(from: args.ElementAtOrDefault(1), to: args.ElementAtOrDefault(2));
    case "imaging-one": // one photo in a fresh process, so its peak memory can be measured
        return await ImagingBenchmark.RunOneAsync(args.ElementAtOrDefault(1));
    default:
        Console.Error.WriteLine($"Unknown benchmark '{command}'. Try: submissions [count] [photo] [warm-up], imaging, heif, webp-methods [folder], hostile [rounds] [concurrent photos], pages, curation [waiting levels] [decisions], azurite [waiting levels], publishing [timed] [sizes], site [entries] [lighthouse], or dependencies [from folder] [to folder]");
        return 2;
}
