namespace Soliday.Submissions;

/// <summary>
/// One volunteer as configured (<c>Submissions:HelperCodes:N:Name</c>, <c>:Code</c>): the name an entry
/// they help send is recorded under ("sent with help from …"), and a code that is theirs alone, so taking
/// them off the list ends their volunteer mode and nobody else's.
/// </summary>
public sealed class HelperCode
{
    public string Name { get; set; } = "";

    /// <summary>What they type to start volunteer mode; in Azure a Key Vault reference. A secret: never logged or shown.</summary>
    public string Code { get; set; } = "";
}
