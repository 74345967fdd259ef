using System.Text.Json;
using MailAssist.Api.Classification.LanguageModel;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MailAssist.Tests.Classification.LanguageModel;

public sealed class PromptTokensTests
{
    [Test]
    public void Long_message_text_is_cut_to_the_input_budget()
    {
        var longBody = string.Join(' ', Enumerable.Repeat("Vi viser til tidligere korrespondanse om saken.", 2000));

        var prompt = PromptBuilder.Build(TestDirectory.Input(TestDirectory.Message(body: longBody)), maxInputTokens: 500);

        Assert.That(prompt.Data, Does.Contain("[…] (forkortet)"));
        Assert.That(TokenEstimate.Of(prompt.Data), Is.LessThan(500 + 150));
    }

    [Test]
    public async Task Command_reports_median_and_p95_prompt_tokens_of_the_real_prompts()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var api = new ApiFactory(database);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, Enumerable.Range(0, 5).Select(i =>
                TestMessages.Message($"Melding {i}", string.Concat(Enumerable.Repeat("Dette er en setning i meldingen. ", i * 40))).ToJsonString()));
            using var output = new StringWriter();

            var exit = await PromptTokensCommand.RunAsync(api.Services, [file], output, CancellationToken.None);

            Assert.That(exit, Is.EqualTo(0));
            var report = JsonDocument.Parse(output.ToString()).RootElement;
            var instructions = TokenEstimate.Of(PromptBuilder.Instructions(TestDirectory.Demo));
            Assert.That(report.GetProperty("n").GetInt32(), Is.EqualTo(5));
            Assert.That(report.GetProperty("medianPromptTokens").GetInt32(), Is.GreaterThan(instructions));
            Assert.That(report.GetProperty("p95PromptTokens").GetInt32(), Is.GreaterThan(report.GetProperty("medianPromptTokens").GetInt32()));
            Assert.That(report.GetProperty("medianPromptTokensWithExamples").GetInt32(), Is.GreaterThan(report.GetProperty("medianPromptTokens").GetInt32()));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
