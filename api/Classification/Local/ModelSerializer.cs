using System.IO.Compression;

namespace MailAssist.Api.Classification.Local;

/// <summary>
/// The stored form of a model: only the hash buckets with a non-zero weight, as gaps between bucket
/// numbers and half-precision weights, gzipped. The trainer rounds weights to half precision
/// (<see cref="SoftmaxHead.Rounded"/>), so reading a model back gives the same model, bit for bit.
/// </summary>
public static class ModelSerializer
{
    private const int Magic = 0x4C4D414D; // "MAML"
    private const int FormatVersion = 2;

    public static byte[] Write(LocalModel model)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Features.Bits);
            WriteHead(writer, model.Actions);
            WriteHead(writer, model.Units);
            writer.Write(model.Confidence.Scores.Length);
            foreach (var s in model.Confidence.Scores) writer.Write(s);
            foreach (var v in model.Confidence.Values) writer.Write(v);
            writer.Write(model.SlettThreshold);
            writer.Write(model.ReviewThreshold);
        }
        return buffer.ToArray();
    }

    public static LocalModel Read(byte[] payload)
    {
        using var gzip = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
            throw new InvalidDataException("The stored model is not in a format this version reads.");
        if (reader.ReadInt32() != Features.Bits)
            throw new InvalidDataException("The stored model hashes features differently from this version.");
        var actions = ReadHead(reader);
        var units = ReadHead(reader);
        var points = reader.ReadInt32();
        var scores = Enumerable.Range(0, points).Select(_ => reader.ReadSingle()).ToArray();
        var values = Enumerable.Range(0, points).Select(_ => reader.ReadSingle()).ToArray();
        return new LocalModel(actions, units, new IsotonicMap(scores, values), reader.ReadSingle(), reader.ReadSingle());
    }

    private static void WriteHead(BinaryWriter writer, SoftmaxHead head)
    {
        var k = head.Classes;
        writer.Write(k);
        foreach (var label in head.Labels) writer.Write(label);
        writer.Write(head.Temperature);
        foreach (var b in head.Bias) writer.Write(b);
        var rows = Enumerable.Range(0, Features.Dimension).Where(r => head.Weights.AsSpan(r * k, k).ContainsAnyExcept(0f)).ToList();
        if (head.Weights.Any(w => (float)(Half)w != w)) throw new ArgumentException("Weights must be rounded to half precision before they are stored.");
        writer.Write(rows.Count);
        var previous = 0;
        foreach (var row in rows)
        {
            writer.Write7BitEncodedInt(row - previous);
            previous = row;
            foreach (var w in head.Weights.AsSpan(row * k, k)) writer.Write((Half)w);
        }
    }

    private static SoftmaxHead ReadHead(BinaryReader reader)
    {
        var k = reader.ReadInt32();
        var labels = Enumerable.Range(0, k).Select(_ => reader.ReadString()).ToArray();
        var temperature = reader.ReadSingle();
        var bias = Enumerable.Range(0, k).Select(_ => reader.ReadSingle()).ToArray();
        var weights = new float[Features.Dimension * k];
        var rows = reader.ReadInt32();
        var row = 0;
        for (var i = 0; i < rows; i++)
        {
            row += reader.Read7BitEncodedInt();
            for (var c = 0; c < k; c++) weights[row * k + c] = (float)reader.ReadHalf();
        }
        return new SoftmaxHead(labels, weights, bias, temperature);
    }
}
