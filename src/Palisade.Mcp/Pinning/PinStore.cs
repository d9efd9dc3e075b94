using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Palisade.Mcp.Pinning;

/// <summary>
/// Pinned tool definitions in SQLite (<c>$PALISADE_HOME/state.db</c>, table <c>mcp_pins</c>). Each call opens its own
/// connection: the store is used by a proxy and, at the same time, by <c>palisade mcp pins</c> in another process,
/// and SQLite's file locking (with a busy timeout) keeps them consistent.
/// </summary>
public sealed class PinStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public PinStore(string databasePath, TimeProvider time)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 10, Pooling = false }.ToString();
        _time = time;
        using var c = Open();
        Execute(c, """
            CREATE TABLE IF NOT EXISTS mcp_pins (
              server TEXT NOT NULL,
              tool TEXT NOT NULL,
              hash TEXT NOT NULL,
              definition TEXT NOT NULL,
              pinned_at TEXT NOT NULL,
              pending_hash TEXT,
              pending_definition TEXT,
              pending_reason TEXT,
              pending_since TEXT,
              PRIMARY KEY (server, tool));
            """);
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Execute(c, "PRAGMA busy_timeout = 10000;");
        return c;
    }

    private static int Execute(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd.ExecuteNonQuery();
    }

    public IReadOnlyList<ToolPin> List(string? server = null)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = server is null
            ? "SELECT * FROM mcp_pins ORDER BY server, tool"
            : "SELECT * FROM mcp_pins WHERE server = $s ORDER BY tool";
        if (server is not null) cmd.Parameters.AddWithValue("$s", server);
        using var r = cmd.ExecuteReader();
        var pins = new List<ToolPin>();
        while (r.Read())
        {
            pins.Add(new ToolPin(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Parse(r.GetString(4)),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : Parse(r.GetString(8))));
        }
        return pins;
    }

    public void Pin(string server, string tool, string hash, string definition)
    {
        using var c = Open();
        Execute(c, """
            INSERT INTO mcp_pins (server, tool, hash, definition, pinned_at) VALUES ($s, $t, $h, $d, $at)
            ON CONFLICT (server, tool) DO UPDATE SET hash = $h, definition = $d, pinned_at = $at,
              pending_hash = NULL, pending_definition = NULL, pending_reason = NULL, pending_since = NULL;
            """, ("$s", server), ("$t", tool), ("$h", hash), ("$d", definition), ("$at", Now()));
    }

    /// <summary>Records a changed (or shadowing) definition waiting for approval; a first sighting of a shadowing tool has no pin yet.</summary>
    public void SetPending(string server, string tool, string hash, string definition, string reason)
    {
        using var c = Open();
        Execute(c, """
            INSERT INTO mcp_pins (server, tool, hash, definition, pinned_at, pending_hash, pending_definition, pending_reason, pending_since)
            VALUES ($s, $t, '', '', $at, $h, $d, $r, $at)
            ON CONFLICT (server, tool) DO UPDATE SET pending_hash = $h, pending_definition = $d, pending_reason = $r,
              pending_since = CASE WHEN pending_hash IS $h THEN pending_since ELSE $at END;
            """, ("$s", server), ("$t", tool), ("$h", hash), ("$d", definition), ("$r", reason), ("$at", Now()));
    }

    /// <summary>Makes pending definitions the pinned ones; returns how many were approved.</summary>
    public int Approve(string server, string? tool)
    {
        using var c = Open();
        return Execute(c, $"""
            UPDATE mcp_pins SET hash = pending_hash, definition = pending_definition, pinned_at = $at,
              pending_hash = NULL, pending_definition = NULL, pending_reason = NULL, pending_since = NULL
            WHERE server = $s AND pending_hash IS NOT NULL {(tool is null ? "" : "AND tool = $t")};
            """, ("$s", server), ("$t", tool), ("$at", Now()));
    }

    /// <summary>Forgets a server's pins (or all of them); the next listing pins afresh. Returns how many were removed.</summary>
    public int Reset(string? server)
    {
        using var c = Open();
        return server is null ? Execute(c, "DELETE FROM mcp_pins;") : Execute(c, "DELETE FROM mcp_pins WHERE server = $s;", ("$s", server));
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
    private static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
