namespace Soliday.Curation;

/// <summary>The external event a curator's decision raises on the entry's orchestration.</summary>
public sealed record CuratorDecisionEvent(bool Approve, string Curator, DateTimeOffset DecidedAt, string? Reason);
