using System.Text;

namespace Soliday.Timeline.OpenData;

/// <summary>
/// Comma-separated values as RFC 4180 writes them: CRLF between records; a field holding a comma,
/// a quote, CR or LF is quoted, its quotes doubled. A field starting with = + - @ or a tab or CR
/// is also prefixed with an apostrophe, so a spreadsheet opening the open data never runs a
/// resident's caption as a formula (OWASP's CSV injection advice).
/// </summary>
public static class CsvText
{
    public const string LineEnd = "\r\n";

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Record(IEnumerable<string> fields) =>
        string.Join(',', fields.Select(Field)) + LineEnd;

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.IndexOfAny(NeedsQuotes) < 0)
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        quoted.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return quoted.Append('"').ToString();
    }
}
