using Azure;

namespace Soliday.Storage;

/// <summary>Failures that mean storage is not there for the app yet, rather than a fault in the request or the code.</summary>
public static class StorageFailures
{
    /// <summary>Storage's answers when the app's identity is not (yet) allowed in: a role assigned minutes ago.</summary>
    private static readonly HashSet<string> NotAllowedCodes = ["AuthorizationPermissionMismatch", "AuthorizationFailure", "AuthenticationFailed"];

    /// <summary>
    /// Not reachable (refused, reset, no answer: the client reports status 0, or gives up after its
    /// retries with all of them so) or not allowed (403 with one of storage's authorization codes).
    /// </summary>
    public static bool IsNotReady(Exception failure) => failure switch
    {
        RequestFailedException { Status: 0 } => true,
        RequestFailedException { Status: 403 } forbidden => forbidden.ErrorCode is null || NotAllowedCodes.Contains(forbidden.ErrorCode),
        HttpRequestException => true,
        AggregateException { InnerExceptions.Count: > 0 } all => all.InnerExceptions.All(IsNotReady),
        _ => false,
    };
}
