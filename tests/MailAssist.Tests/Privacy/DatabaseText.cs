using Dapper;
using Npgsql;

namespace MailAssist.Tests.Privacy;

/// <summary>Every value of every text, text[] and json column of every table, found through information_schema.</summary>
public static class DatabaseText
{
    public static async Task<IReadOnlyList<(string Column, string Value)>> ReadAllAsync(NpgsqlDataSource dataSource)
    {
        const string columnsSql = """
            SELECT table_name AS "Table", column_name AS "Column"
            FROM information_schema.columns
            WHERE table_schema = 'public'
              AND (data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
                   OR data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar', '_json', '_jsonb'))
            ORDER BY table_name, column_name
            """;
        await using var connection = await dataSource.OpenConnectionAsync();
        var values = new List<(string, string)>();
        foreach (var (table, column) in await connection.QueryAsync<(string Table, string Column)>(columnsSql))
        {
            var sql = $"""SELECT "{column}"::text FROM "{table}" WHERE "{column}" IS NOT NULL""";
            values.AddRange((await connection.QueryAsync<string>(sql)).Select(v => ($"{table}.{column}", v)));
        }
        return values;
    }
}
