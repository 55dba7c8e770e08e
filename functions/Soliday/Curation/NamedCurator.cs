namespace Soliday.Curation;

/// <summary>
/// One curator as configured (<c>Curation:Curators:N:Name</c>, <c>:Token</c>): the name the audit log
/// records beside their decisions, and a token that is theirs alone, so taking them off the list
/// ends their access and nobody else's.
/// </summary>
public sealed class NamedCurator
{
    public string Name { get; set; } = "";

    /// <summary>Their sign-in and bearer token; in Azure a Key Vault reference.</summary>
    public string Token { get; set; } = "";
}
