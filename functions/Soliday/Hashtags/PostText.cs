using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Soliday.Hashtags;

/// <summary>
/// A post's text as plain text: what a reader of the post sees, with no markup left. Mastodon
/// sends HTML (paragraphs, line breaks, links whose text it shortens with hidden spans, hashtags as
/// links); it is parsed as a browser parses it (AngleSharp, HTML5) and only the text is kept:
/// hashtags stay as "#Soliday", links as their full address, and scripts, styles and attributes
/// are gone. Whatever survives is text, which every page encodes.
/// </summary>
public static class PostText
{
    /// <summary>Far above any real post (Mastodon's default limit is 500 characters of text); bounds the parser's work.</summary>
    private const int MaxHtmlLength = 200_000;

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "blockquote", "li", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "tr",
    };

    /// <summary>Elements whose content is not text a reader sees.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "head", "title",
    };

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var document = Parser.ParseDocument(html.Length > MaxHtmlLength ? html[..MaxHtmlLength] : html);
        var text = new StringBuilder();

        // An explicit stack, not recursion: a hostile server can nest elements a hundred thousand deep.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((document.Body ?? (INode)document, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IElement element)
            {
                var name = element.LocalName;
                if (leaving)
                {
                    if (Blocks.Contains(name))
                    {
                        text.Append("\n\n");
                    }

                    continue;
                }

                if (Hidden.Contains(name))
                {
                    continue;
                }

                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    text.Append('\n');
                    continue;
                }

                if (Blocks.Contains(name))
                {
                    text.Append("\n\n");
                }

                stack.Push((node, true));
            }
            else if (node is IText textNode)
            {
                // A line break in HTML source is a space on screen: only <br> and blocks break lines.
                text.Append(textNode.Data.Replace('\n', ' ').Replace('\r', ' '));
                continue;
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                if (child is IElement or IText)
                {
                    stack.Push((child, false));
                }
            }
        }

        return Tidy(text.ToString());
    }

    /// <summary>
    /// Plain text as Soliday keeps it: no control characters but line breaks, spaces within a line
    /// collapsed as a browser shows them, at most one empty line between paragraphs.
    /// </summary>
    public static string Tidy(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(line => string.Join(' ', new string([.. line.Select(c => char.IsControl(c) ? ' ' : c)])
                .Split(' ', '\t', '\u00a0').Where(word => word.Length > 0)));

        var tidy = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (tidy.Length > 0)
            {
                tidy.Append(blank > 0 ? "\n\n" : "\n");
            }

            tidy.Append(line);
            blank = 0;
        }

        return tidy.ToString();
    }

    /// <summary>At most <paramref name="max"/> characters, cut with an ellipsis (never inside a surrogate pair).</summary>
    public static string Bounded(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
