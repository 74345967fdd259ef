using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MailAssist.Api.Cleaning;

/// <summary>
/// Turns an e-mail's HTML into the text a reader sees: blocks become lines, quoted blocks get "> ",
/// and what is never shown (head, style, script, hidden elements) is dropped.
/// A small scanner rather than a DOM: mail HTML is often broken, and this runs on every request.
/// </summary>
public static partial class HtmlText
{
    private static readonly HashSet<string> Dropped = ["head", "style", "script", "title", "noscript", "template", "xml"];
    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "hr", "section",
        "article", "header", "footer", "pre", "center", "address", "dl", "dt", "dd", "form", "tbody", "thead",
    ];
    private static readonly HashSet<string> Void = ["br", "hr", "img", "meta", "link", "input", "col", "wbr", "base", "area", "source"];

    public static bool LooksLikeHtml(string text) =>
        text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<body", StringComparison.OrdinalIgnoreCase)
        || text.Contains("</div>", StringComparison.OrdinalIgnoreCase) || text.Contains("</p>", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<br", StringComparison.OrdinalIgnoreCase);

    public static string ToText(string html)
    {
        var output = new StringBuilder(html.Length / 2);
        var pending = new StringBuilder();
        string? skipUntil = null;     // a dropped element (style, script ...) whose end tag we wait for
        string? hiddenTag = null;     // an element hidden by its style or attribute
        var hiddenDepth = 0;
        var quoteDepth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i && skipUntil is null && hiddenTag is null) pending.Append(html, i, textEnd - i);
            if (lt < 0) break;

            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }
            var gt = TagEnd(html, lt + 1);
            if (gt < 0)
            {
                if (skipUntil is null && hiddenTag is null) pending.Append(html, lt, html.Length - lt);
                break;
            }
            var tag = html.AsSpan(lt + 1, gt - lt - 1);
            i = gt + 1;
            var closing = tag.Length > 0 && tag[0] == '/';
            var name = TagName(closing ? tag[1..] : tag);
            if (name.Length == 0) continue;

            if (skipUntil is not null)
            {
                if (closing && name == skipUntil) skipUntil = null;
                continue;
            }
            if (hiddenTag is not null)
            {
                if (name == hiddenTag && !Void.Contains(name) && !tag.EndsWith("/")) hiddenDepth += closing ? -1 : 1;
                if (hiddenDepth == 0) hiddenTag = null;
                continue;
            }
            if (!closing && Dropped.Contains(name))
            {
                if (!tag.EndsWith("/")) skipUntil = name;
                continue;
            }
            if (!closing && !Void.Contains(name) && !tag.EndsWith("/") && IsHidden(tag))
            {
                Flush(pending, output, quoteDepth);
                hiddenTag = name;
                hiddenDepth = 1;
                continue;
            }

            if (name == "blockquote" || Blocks.Contains(name) || name is "li" or "td" or "th")
            {
                Flush(pending, output, quoteDepth);
                if (name == "blockquote") quoteDepth = Math.Max(0, quoteDepth + (closing ? -1 : 1));
                if (name is "td" or "th") output.Append(' ');
                else NewLine(output);
                if (name == "li" && !closing) pending.Append("- ");
                if (name is "p" or "table" && closing) NewLine(output, blank: true);
            }
        }
        Flush(pending, output, quoteDepth);
        return output.ToString();
    }

    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return j;
        }
        return -1;
    }

    private static string TagName(ReadOnlySpan<char> tag)
    {
        var end = 0;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] is ':' or '-')) end++;
        if (end == 0 || tag[0] == '!') return "";
        var name = tag[..end].ToString().ToLowerInvariant();
        return name.Contains(':') ? "" : name; // Office's <o:p> and friends carry no text structure
    }

    private static bool IsHidden(ReadOnlySpan<char> tag)
    {
        var compact = tag.ToString().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.Ordinal)
            || compact.Contains("visibility:hidden", StringComparison.Ordinal)
            || compact.Contains("mso-hide:all", StringComparison.Ordinal)
            || compact.Contains("max-height:0", StringComparison.Ordinal) && compact.Contains("overflow:hidden", StringComparison.Ordinal)
            || HiddenAttribute().IsMatch(tag);
    }

    [GeneratedRegex(@"\shidden(?:\s|=|/|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenAttribute();

    /// <summary>Appends the text collected since the last block boundary, with HTML whitespace collapsed.</summary>
    private static void Flush(StringBuilder pending, StringBuilder output, int quoteDepth)
    {
        if (pending.Length == 0) return;
        var text = WebUtility.HtmlDecode(pending.ToString());
        pending.Clear();
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (output.Length == 0 || output[^1] == '\n')
            {
                for (var q = 0; q < quoteDepth; q++) output.Append("> ");
                space = false;
            }
            if (space && output[^1] != ' ') output.Append(' ');
            space = false;
            output.Append(c);
        }
    }

    private static void NewLine(StringBuilder output, bool blank = false)
    {
        if (output.Length == 0) return;
        if (output[^1] != '\n') output.Append('\n');
        if (blank && (output.Length < 2 || output[^2] != '\n')) output.Append('\n');
    }
}
