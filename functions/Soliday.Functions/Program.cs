using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Soliday;
using Soliday.Functions.Curation;
using Soliday.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSoliday().RequireStrongCuratorToken();
builder.AddSolidayTelemetry();
builder.Build().Run();
