using Soliday.Local.Hosting;

var started = false;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddQuietLogging();
    await using var infrastructure = await LocalInfrastructure.StartAsync(builder);
    builder.AddSolidayLocal(infrastructure);

    var app = builder.Build();
    app.MapSoliday();
    app.Lifetime.ApplicationStarted.Register(() => started = true);
    await app.RunAsync();
    return 0;
}
catch (Exception e)
{
    // Outside the using: Azurite and the engine have stopped by the time this is printed.
    Console.Error.WriteLine(StartFailure.Describe(e, started));
    return 1;
}
