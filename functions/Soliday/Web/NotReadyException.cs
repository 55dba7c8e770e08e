namespace Soliday.Web;

/// <summary>
/// What this request needs is not ready yet: a secret setting still an unresolved Key Vault
/// reference (<see cref="KeyVaultReferences"/>), or storage not yet set up. Both hosts answer it as
/// 503 <c>starting</c> (<see cref="Problems.Starting"/>), never 500; the message names the part,
/// never a value.
/// </summary>
public sealed class NotReadyException : Exception
{
    public NotReadyException()
    {
    }

    public NotReadyException(string message)
        : base(message)
    {
    }

    public NotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The setting is still the literal <c>@Microsoft.KeyVault(...)</c> text.</summary>
    public static NotReadyException Unresolved(string setting) =>
        new($"The setting {setting} is still an unresolved Key Vault reference.");
}
