using Soliday.Entries;
using Soliday.Words;

namespace Soliday.Pages;

/// <summary>
/// A licence as the public reads it, beside an entry: what its maker chose, said as what a reader
/// may do and whom to name. The form offers the same choice to the maker, in words alone ("if they
/// name you"); the licence's short name (CC BY 4.0) is on the reuse page only.
/// </summary>
public static class LicenceWords
{
    /// <summary>The choice as the form offers it to the maker: "Anyone may reuse it if they name you (recommended)".</summary>
    public static string ForMaker(SiteWords words, Licence licence) =>
        licence == Licences.CcBy ? words["form.licence.ccBy"]
        : licence == Licences.CcBySa ? words["form.licence.ccBySa"]
        : licence == Licences.Cc0 ? words["form.licence.cc0"]
        : licence.PlainWords;

    /// <summary>
    /// The choice as the status page tells it back to its maker, a sentence of its own: "Anyone may
    /// reuse it if they name you". A post from elsewhere, shown with permission, is said as readers
    /// read it; a licence the site does not know (an old entry's), by its identifier.
    /// </summary>
    public static string ForSender(SiteWords words, string licenceId, string credit) =>
        Licences.FindKnown(licenceId) is not { } licence ? licenceId
        : licence == Licences.CcBy ? words["status.licence.ccBy"]
        : licence == Licences.CcBySa ? words["status.licence.ccBySa"]
        : licence == Licences.Cc0 ? words["status.licence.cc0"]
        : ForReaders(words, licence, credit);

    public static string ForReaders(SiteWords words, Licence licence, string credit)
    {
        if (licence == Licences.CcBy)
        {
            return words.Say("entry.licence.ccBy", ("credit", credit));
        }

        if (licence == Licences.CcBySa)
        {
            return words.Say("entry.licence.ccBySa", ("credit", credit));
        }

        if (licence == Licences.Cc0)
        {
            return words["entry.licence.cc0"];
        }

        return licence == Licences.WithPermission ? words.Say("entry.licence.withPermission", ("credit", credit)) : licence.Name;
    }
}
