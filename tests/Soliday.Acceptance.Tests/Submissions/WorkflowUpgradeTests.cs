using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Serializing;
using Soliday.Acceptance.Tests.Support;
using Soliday.Entries;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// A deployment meets workflows that an earlier build started: their history names the steps that
/// build took, and a replay that takes other steps fails them. Since issue 16 a new entry is
/// prepared and offered in one step; an entry started before, waiting for a curator, must still
/// replay its three steps and be published when approved. Likewise a new entry waits on one timer at
/// a time, and one started before on both at once.
/// </summary>
public sealed class WorkflowUpgradeTests
{
    /// <summary>The task hub of the local durable engine (Durable:TaskHub), as in the Functions app's host.json.</summary>
    private const string TaskHub = "soliday";

    private static readonly string[] StepsBeforeIssue16 = ["BeginProcessing", "PreparePhoto", "OfferForCuration"];

    [Fact]
    public async Task An_entry_waiting_in_a_workflow_started_before_issue_16_is_published_when_approved_after_a_restart()
    {
        await using var host = await SolidayHost.StartAsync();
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Bell ringers practising at St James"));
        await host.Curator.WaitForQueueAsync(id);
        var instanceId = EntryWorkflow.InstanceId(id);
        Assert.Equal(["PrepareAndOffer"], await StepsScheduledAsync(host, instanceId));
        await SolidayApi.EventuallyAsync( // in the episode after the step that put the card on the board
            async () => await TimersCreatedAsync(host, instanceId) == 1, "the workflow waiting on the reminder's timer");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await TimersCreatedAsync(host, instanceId)); // the reminder's alone; the expiry's comes after it

        // Its workflow as the build before issue 16 started it: the same input without the fields it added.
        var engine = Engine(host);
        var client = new TaskHubClient(engine, new JsonAsIs(), loggerFactory: null);
        var input = JsonNode.Parse((await client.GetOrchestrationStateAsync(instanceId))!.Input)!.AsObject();
        Assert.True(input.Remove("PrepareInOneStep"));
        Assert.True(input.Remove("OneTimerAtATime"));
        await ReplaceAsync(client, engine, instanceId, input.ToJsonString());
        await SolidayApi.EventuallyAsync(
            async () => (await client.GetOrchestrationStateAsync(instanceId))?.Status?.Contains("awaiting-curation", StringComparison.Ordinal) == true,
            "the workflow of the earlier build waiting for a curator");
        Assert.Equal(StepsBeforeIssue16, await StepsScheduledAsync(host, instanceId));
        Assert.Equal(2, await TimersCreatedAsync(host, instanceId)); // the expiry's and the reminder's at once, as that build did

        // A new process replays that history when the curator's decision arrives.
        await host.KillAsync();
        await host.RestartAsync();
        using var approval = await host.Curator.ApproveAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        await host.Http.WaitForStatusAsync(id, "published");
        Assert.Contains("Bell ringers practising at St James", await host.Http.EntryPageAsync(id));
        Assert.Equal("Running", await DurableInstances.RuntimeStatusAsync(host, instanceId)); // following changes after publication, not failed
    }

    /// <summary>Ends the instance and starts it again under the same id with <paramref name="input"/>, as a fresh start.</summary>
    private static async Task ReplaceAsync(TaskHubClient client, AzureStorageOrchestrationService engine, string instanceId, string input)
    {
        await client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, "replaced by the test's earlier-build start");
        await SolidayApi.EventuallyAsync(
            async () => (await client.GetOrchestrationStateAsync(instanceId))?.OrchestrationStatus == OrchestrationStatus.Terminated,
            "the instance terminated");
        await engine.PurgeInstanceHistoryAsync(instanceId);
        await client.CreateOrchestrationInstanceAsync("SubmissionOrchestration", "", instanceId, input);
    }

    /// <summary>The activities the instance's history has scheduled, in order.</summary>
    private static async Task<List<string>> StepsScheduledAsync(SolidayHost host, string instanceId) =>
        [.. (await HistoryAsync(host, instanceId, "TaskScheduled")).OrderBy(row => Convert.ToInt64(row.RowKey, 16)).Select(row => row.GetString("Name"))];

    /// <summary>How many timers the instance's history has created.</summary>
    private static async Task<int> TimersCreatedAsync(SolidayHost host, string instanceId) =>
        (await HistoryAsync(host, instanceId, "TimerCreated")).Count;

    private static async Task<List<TableEntity>> HistoryAsync(SolidayHost host, string instanceId, string eventType)
    {
        var history = new TableServiceClient(host.TableConnectionString).GetTableClient($"{TaskHub}History");
        var rows = new List<TableEntity>();
        await foreach (var row in history.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
        {
            if (row.GetString("EventType") == eventType)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static AzureStorageOrchestrationService Engine(SolidayHost host) => new(new AzureStorageOrchestrationServiceSettings
    {
        TaskHubName = TaskHub,
        StorageAccountClientProvider = new StorageAccountClientProvider(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{host.BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{host.QueuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{host.TablePort}/devstoreaccount1;"),
    });

    /// <summary>An input that is JSON already goes to the engine as it is: the worker reads it with its own serializer.</summary>
    private sealed class JsonAsIs : DataConverter
    {
        public override string Serialize(object value) => (string)value;

        public override string Serialize(object value, bool formatted) => (string)value;

        public override object Deserialize(string data, Type objectType) => data;
    }
}
