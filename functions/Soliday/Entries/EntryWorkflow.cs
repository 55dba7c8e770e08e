namespace Soliday.Entries;

/// <summary>
/// How an entry's workflow is found: by an instance id made from the entry's id. Here, below every
/// capability, because the intake, the erasure and the curators' board find and signal the workflow
/// that lives above them (Soliday.Workflow); they raise <see cref="CuratorDecisionEvent"/> by its name.
/// </summary>
public static class EntryWorkflow
{
    public const string InstanceIdPrefix = "submission-";

    /// <summary>
    /// How often a published post from elsewhere is asked after at its source, while curators may
    /// still change it, when the workflow's input names no interval (those started before it could).
    /// Authors who regret a post mostly delete it within days: every six hours takes it off the
    /// site within a working day, for four requests a day to its server per post.
    /// </summary>
    public static readonly TimeSpan DefaultSourceCheckEvery = TimeSpan.FromHours(6);

    public static string InstanceId(string submissionId) => InstanceIdPrefix + submissionId;
}
