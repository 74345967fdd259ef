namespace MailAssist.Tests.Infrastructure;

/// <summary>Where the repository, its build output and its test artefacts are on this machine.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TaskpaneDist => Path.Combine(Root, "web-taskpane", "dist");

    /// <summary>Screenshots and measurements: $MAILASSIST_ARTIFACTS (test.sh sets it), else artifacts/ in the repository.</summary>
    public static string Artifacts(string folder)
    {
        var root = Environment.GetEnvironmentVariable("MAILASSIST_ARTIFACTS") is { Length: > 0 } set ? set : Path.Combine(Root, "artifacts");
        return Directory.CreateDirectory(Path.Combine(root, folder)).FullName;
    }

    /// <summary>
    /// A folder of shared/, which sits beside the repository (../shared); from a git worktree it is the
    /// shared/ of the nearest ancestor that has one.
    /// </summary>
    public static string Shared(string folder)
    {
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", folder);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"shared/{folder} was not found beside the repository ({Root}/../shared) or above it.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MailAssist.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("MailAssist.sln was not found above the test assembly.");
    }
}
