using System.ComponentModel.DataAnnotations;

namespace MailAssist.Api.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// The secret that keys the hash identifying a message. Every instance of one deployment must
    /// share it; changing it makes earlier messages unrecognisable.
    /// </summary>
    [Required, MinLength(32, ErrorMessage = "Privacy:MessageKeySecret must be at least 32 characters.")]
    public string MessageKeySecret { get; set; } = "";

    /// <summary>How many days the redacted text kept for learning and similar messages lives.</summary>
    [Range(1, 3650, ErrorMessage = "Privacy__RetentionDays must be a whole number of days from 1 to 3650.")]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the retention job looks for text past its time.</summary>
    [Range(1, 1440, ErrorMessage = "Privacy__RetentionSweepMinutes must be a whole number of minutes from 1 to 1440.")]
    public int RetentionSweepMinutes { get; set; } = 60;
}
