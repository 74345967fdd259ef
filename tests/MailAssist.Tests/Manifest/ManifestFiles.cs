using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Manifest;

/// <summary>Runs the manifest generator and validates manifests against the Office schemas in shared/.</summary>
public static class ManifestFiles
{
    public static string Folder => Path.Combine(RepoPaths.Root, "addin-manifest");
    public static string Committed => Path.Combine(Folder, "manifest.xml");

    public static async Task<(int ExitCode, string Output)> GenerateAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Folder, "generate.mjs"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Every validation error and warning, with its line; empty when the manifest is valid.</summary>
    public static IReadOnlyList<string> Validate(string manifestPath)
    {
        var folder = RepoPaths.Shared("office-manifest-schemas");
        var schemas = new XmlSchemaSet { XmlResolver = new SchemaFolderResolver(folder) };
        using (var root = XmlReader.Create(Path.Combine(folder, "OfficeAppManifestV1_1.xsd"), new XmlReaderSettings { XmlResolver = null }))
            schemas.Add(null, root);
        schemas.Compile();

        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(manifestPath, settings);
        while (reader.Read()) { }
        return problems;
    }

    public static XDocument Load(string path) => XDocument.Load(path);

    /// <summary>Resolves each schemaLocation to a file of the schema folder and refuses everything else, so nothing is fetched.</summary>
    private sealed class SchemaFolderResolver(string folder) : XmlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var path = Path.Combine(folder, Path.GetFileName(absoluteUri.LocalPath));
            if (absoluteUri.IsFile && File.Exists(path)) return File.OpenRead(path);
            throw new XmlException($"Refusing to resolve {absoluteUri}: only the schemas in {folder} are used.");
        }

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
            new(Path.Combine(folder, Path.GetFileName(relativeUri ?? "")));
    }
}
