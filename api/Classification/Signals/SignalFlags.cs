using MailAssist.Api.Cleaning;

namespace MailAssist.Api.Classification.Signals;

/// <summary>
/// The flags every suggestion gets whichever classifier made it: <c>sensitive</c> for special
/// categories of personal data (with the hint to consider screening) and <c>deadline</c> for
/// innsynskrav and complaints (with the deadline in the reasons).
/// </summary>
public static class SignalFlags
{
    public const string ScreeningHint = "Vurder skjerming (offentleglova § 13)";

    public static ClassificationResult Apply(CleanedMessage message, ClassificationResult result, DateTimeOffset? receivedAt)
    {
        var text = string.Join('\n', [message.Subject, message.Text, .. message.AttachmentNames]);
        var flags = new List<string>(result.Flags);
        var reasons = new List<string>(result.Reasons);

        var categories = SensitiveCategories.In(text);
        if (categories.Count > 0)
        {
            AddOnce(flags, SuggestionFlags.Sensitive);
            AddOnce(reasons, $"Kan inneholde særlige kategorier personopplysninger ({string.Join(", ", categories)}).");
            AddOnce(reasons, ScreeningHint);
        }
        foreach (var deadline in LegalDeadlines.In(text, receivedAt))
        {
            AddOnce(flags, SuggestionFlags.Deadline);
            AddOnce(reasons, deadline);
        }
        return flags.Count == result.Flags.Count && reasons.Count == result.Reasons.Count
            ? result
            : result with { Flags = flags, Reasons = reasons };
    }

    private static void AddOnce(List<string> list, string item)
    {
        if (!list.Contains(item)) list.Add(item);
    }
}
