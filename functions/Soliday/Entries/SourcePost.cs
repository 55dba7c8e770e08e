namespace Soliday.Entries;

/// <summary>
/// Where an entry taken from another service was posted: the post's public address (its identity,
/// and the link in its credit), when it was posted, and for Mastodon the server it was read from
/// and its id there, to ask before publishing whether the author has deleted it.
/// </summary>
public sealed record SourcePost(string Url, DateTimeOffset PostedAt, string? Server = null, string? PostId = null);
