using Soliday.Local.Hosting;

var builder = WebApplication.CreateBuilder(args);
await using var infrastructure = await LocalInfrastructure.StartAsync(builder);
builder.AddSolidayLocal(infrastructure);

var app = builder.Build();
app.MapSoliday();
await app.RunAsync();
