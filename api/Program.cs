using MailAssist.Api;
using MailAssist.Api.Auth;
using MailAssist.Api.Classification;
using MailAssist.Api.Data;
using MailAssist.Api.Decisions;
using MailAssist.Api.Demo;
using MailAssist.Api.Hardening;
using MailAssist.Api.MailboxActions;
using MailAssist.Api.Health;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using MailAssist.Api.Privacy;
using MailAssist.Api.Stats;
using MailAssist.Api.Suggestions;
using MailAssist.Api.Taskpane;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiDefaults();
builder.AddDatabase();
builder.AddPrivacy();
builder.AddSignIn();
builder.AddHardening();
builder.AddMailboxes();
builder.AddClassification(offline: CommandLine.IsOffline(args));
builder.AddMailboxActions();
builder.AddTaskpane();
builder.AddDemo();
builder.AddStats();

var app = builder.Build();

if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(app, args);

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseCors(HardeningRegistration.CorsPolicy);
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealth();
app.MapAuthConfig();
app.MapMe();
app.MapUnits();
app.MapMailboxAdmin();
app.MapClassify();      // message -> clean and redact -> classify -> suggestion
app.MapDecisions();     // suggestion -> decision -> carried out in the mailbox
app.MapMailboxActions(); // retrying a decision's mailbox action
app.MapHistory();       // the message's log
app.MapDemo();          // the demo mailbox's inbox
app.MapTaskpane();      // the Outlook task pane and the demo page
app.MapStats();         // decisions -> team lead statistics

await app.RunAsync();
return 0;

public partial class Program;
