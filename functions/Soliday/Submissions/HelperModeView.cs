namespace Soliday.Submissions;

/// <summary>What the volunteer-mode page shows.</summary>
/// <param name="Current">The helper this browser is in volunteer mode for, if any.</param>
/// <param name="CuratorName">The curator signed in here, who may start without a code.</param>
public sealed record HelperModeView(string FormToken, Helper? Current, string? CuratorName, string? Error);
