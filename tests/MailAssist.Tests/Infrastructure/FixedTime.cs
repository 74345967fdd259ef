namespace MailAssist.Tests.Infrastructure;

/// <summary>A clock that always says the same instant.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
