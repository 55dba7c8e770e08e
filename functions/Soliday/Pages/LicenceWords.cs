using Soliday.Entries;

namespace Soliday.Pages;

/// <summary>
/// A licence as the public reads it, beside an entry: what its maker chose, said as what a reader
/// may do and whom to name. The form says the same choice to the maker ("if they name you"); the
/// licence's short name (CC BY 4.0) is explained on the reuse page only.
/// </summary>
public static class LicenceWords
{
    public static string ForReaders(Licence licence, string credit)
    {
        if (licence == Licences.CcBy)
        {
            return $"Anyone may reuse it if they name {credit}";
        }

        if (licence == Licences.CcBySa)
        {
            return $"Anyone may reuse it if they name {credit} and share what they make the same way";
        }

        if (licence == Licences.Cc0)
        {
            return "Anyone may reuse it freely, without naming anyone";
        }

        return licence == Licences.WithPermission ? $"Shown here with the permission of {credit}, who keeps every right: ask them before reusing it" : licence.Name;
    }
}
