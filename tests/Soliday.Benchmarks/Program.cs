using Soliday.Benchmarks;

// dotnet run -c Release --project tests/Soliday.Benchmarks -- submissions [count] [photo file in real-exif]
var command = args.ElementAtOrDefault(0) ?? "submissions";
switch (command)
{
    case "submissions":
        await SubmissionThroughput.RunAsync(
            count: int.Parse(args.ElementAtOrDefault(1) ?? "200"),
            photoFile: args.ElementAtOrDefault(2) ?? "EX__jpg_Canon_40D.jpg");
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{command}'. Try: submissions [count] [photo]");
        return 2;
}
