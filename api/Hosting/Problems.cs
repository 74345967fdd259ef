using Microsoft.AspNetCore.Http.HttpResults;

namespace MailAssist.Api;

/// <summary>The problem details the API answers with, worded for the staff who will read them.</summary>
public static class Problems
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "Forespørselen er ugyldig.");

    public static ValidationProblem Fields(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Forespørselen er ugyldig.");

    public static ValidationProblem UnknownMailbox() => Field("mailbox", "Postkassen finnes ikke.");
}
