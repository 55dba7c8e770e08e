using Azure.Data.Tables;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>The durable engine's own record of a workflow instance, read from its instances table (the Azure Storage provider's layout).</summary>
public static class DurableInstances
{
    /// <summary>"Running", "Completed", "Terminated"…; null when there is no such instance (never started, or purged).</summary>
    public static async Task<string?> RuntimeStatusAsync(SolidayHost host, string instanceId)
    {
        var tables = new TableServiceClient(host.TableConnectionString);
        await foreach (var table in tables.QueryAsync())
        {
            if (!table.Name.EndsWith("Instances", StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
            {
                return row.GetString("RuntimeStatus");
            }
        }

        return null;
    }
}
