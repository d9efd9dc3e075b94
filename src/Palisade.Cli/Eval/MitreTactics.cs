namespace Palisade.Cli.Eval;

/// <summary>
/// The primary ATT&amp;CK enterprise tactic of each parent technique in the Atomic Red Team corpus (the corpus names
/// techniques, not tactics). A technique that serves several tactics is listed under the one its tests mostly show.
/// </summary>
public static class MitreTactics
{
    private static readonly Dictionary<string, string[]> Techniques = new()
    {
        ["reconnaissance"] =
        [
            "T1592", "T1595",
        ],
        ["initial-access"] =
        [
            "T1195", "T1566", "T1659",
        ],
        ["execution"] =
        [
            "T1047", "T1059", "T1072", "T1106", "T1129", "T1204", "T1559", "T1569", "T1609", "T1610",
            "T1648", "T1651",
        ],
        ["persistence"] =
        [
            "T1037", "T1053", "T1078", "T1098", "T1133", "T1136", "T1137", "T1176", "T1505", "T1542",
            "T1543", "T1546", "T1547", "T1574",
        ],
        ["privilege-escalation"] =
        [
            "T1134", "T1484", "T1548", "T1611",
        ],
        ["defense-evasion"] =
        [
            "T1006", "T1014", "T1027", "T1036", "T1055", "T1070", "T1112", "T1127", "T1140", "T1197",
            "T1202", "T1207", "T1216", "T1218", "T1220", "T1221", "T1222", "T1497", "T1553", "T1562",
            "T1564", "T1578", "T1612", "T1620", "T1622", "T1685", "T1686", "T1688", "T1689", "T1690",
        ],
        ["credential-access"] =
        [
            "T1003", "T1040", "T1110", "T1187", "T1528", "T1539", "T1552", "T1555", "T1556", "T1557",
            "T1558", "T1606", "T1649",
        ],
        ["discovery"] =
        [
            "T1007", "T1010", "T1012", "T1016", "T1018", "T1033", "T1046", "T1049", "T1057", "T1069",
            "T1082", "T1083", "T1087", "T1120", "T1124", "T1135", "T1201", "T1217", "T1482", "T1518",
            "T1526", "T1580", "T1613", "T1614", "T1615", "T1619", "T1652", "T1654", "T1680",
        ],
        ["lateral-movement"] =
        [
            "T1021", "T1091", "T1550", "T1563", "T1570",
        ],
        ["collection"] =
        [
            "T1005", "T1025", "T1039", "T1056", "T1074", "T1113", "T1114", "T1115", "T1119", "T1123",
            "T1125", "T1530", "T1560",
        ],
        ["command-and-control"] =
        [
            "T1001", "T1071", "T1090", "T1095", "T1102", "T1105", "T1132", "T1219", "T1568", "T1571",
            "T1572", "T1573",
        ],
        ["exfiltration"] =
        [
            "T1020", "T1030", "T1041", "T1048", "T1567",
        ],
        ["impact"] =
        [
            "T1485", "T1486", "T1489", "T1490", "T1491", "T1496", "T1529", "T1531",
        ],
    };

    private static readonly Dictionary<string, string> ByTechnique =
        Techniques.SelectMany(kv => kv.Value.Select(t => (t, kv.Key))).ToDictionary(x => x.t, x => x.Key);

    /// <summary>The tactic of a technique id such as <c>T1059.004</c> (by its parent), or <c>unmapped</c>.</summary>
    public static string Of(string technique)
    {
        var dot = technique.IndexOf('.');
        return ByTechnique.GetValueOrDefault(dot < 0 ? technique : technique[..dot], "unmapped");
    }
}
