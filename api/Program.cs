using MailAssist.Api;
using MailAssist.Api.Classification;
using MailAssist.Api.Data;
using MailAssist.Api.Decisions;
using MailAssist.Api.Health;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using MailAssist.Api.Suggestions;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiDefaults();
builder.AddDatabase();
builder.AddSignIn();
builder.AddMailboxes();
builder.AddClassification(offline: CommandLine.IsOffline(args));

var app = builder.Build();

if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(app, args);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealth();
app.MapUnits();
app.MapClassify();      // message -> clean and redact -> classify -> suggestion
app.MapDecisions();     // suggestion -> decision
app.MapHistory();       // the message's log

await app.RunAsync();
return 0;

public partial class Program;
