using System.ComponentModel.DataAnnotations;

namespace MailAssist.Api.Taskpane;

public sealed class TaskpaneOptions
{
    public const string Section = "Taskpane";

    /// <summary>The built task pane (web-taskpane/dist): absolute, or relative to the API's content root.</summary>
    [Required(ErrorMessage = "Taskpane__DistPath is required.")]
    public string DistPath { get; set; } = "../web-taskpane/dist";
}
