using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GeoTrygghet.Analysis.Patrol;

/// <summary>
/// Shortest paths along a street network (Dijkstra 1959, "A note on two problems in connexion with graphs",
/// Numerische Mathematik 1) at a stated speed. The street lines are noded where they cross (a unary union), so a
/// crossing is a junction; a stop off the network is joined to its nearest node by a straight line, counted at the
/// same speed. Where the network falls apart into pieces, a trip between pieces goes straight.
/// </summary>
public sealed class StreetGraphRouter : IPatrolRouter
{
    private readonly double _metresPerMinute;
    private readonly double _kmh;
    private readonly List<(double X, double Y)> _nodes = [];
    private readonly List<List<(int To, double Metres)>> _edges = [];
    private readonly Dictionary<(long, long), int> _index = [];
    private readonly NetTopologySuite.Index.Strtree.STRtree<int> _nodeTree = new();
    private readonly Dictionary<int, (double[] Distance, int[] Previous)> _trees = [];

    public StreetGraphRouter(IEnumerable<Geometry> streets, double kilometresPerHour)
    {
        _kmh = kilometresPerHour;
        _metresPerMinute = kilometresPerHour * 1000 / 60;
        var lines = streets.SelectMany(g => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN)).OfType<LineString>().ToList();
        if (lines.Count == 0)
        {
            throw new AnalysisException("the street network has no lines.");
        }

        var noded = UnaryUnionOp.Union(lines.Cast<Geometry>().ToList());
        for (var i = 0; i < noded.NumGeometries; i++)
        {
            if (noded.GetGeometryN(i) is not LineString line)
            {
                continue;
            }

            var coords = line.Coordinates;
            for (var k = 1; k < coords.Length; k++)
            {
                var a = Node(coords[k - 1]);
                var b = Node(coords[k]);
                if (a == b)
                {
                    continue;
                }

                var d = coords[k - 1].Distance(coords[k]);
                _edges[a].Add((b, d));
                _edges[b].Add((a, d));
            }
        }

        if (_nodes.Count == 0)
        {
            throw new AnalysisException("the street network has no usable lines.");
        }

        for (var n = 0; n < _nodes.Count; n++)
        {
            _nodeTree.Insert(new Envelope(_nodes[n].X, _nodes[n].X, _nodes[n].Y, _nodes[n].Y), n);
        }

        _nodeTree.Build();
    }

    public int Nodes => _nodes.Count;

    public string Description => $"along the street network ({_nodes.Count} nodes) at {_kmh.ToString(System.Globalization.CultureInfo.InvariantCulture)} km/h, straight to the nearest node off it";

    public string SwedishDescription => $"längs gatunätet i {_kmh.ToString(System.Globalization.CultureInfo.InvariantCulture)} km/h";

    public RouteLeg Route(double fromX, double fromY, double toX, double toY)
    {
        var start = Nearest(fromX, fromY);
        var end = Nearest(toX, toY);
        var path = ShortestPath(start, end);
        if (path is null)
        {
            return new StraightLineRouter(_kmh).Route(fromX, fromY, toX, toY);
        }

        var points = new List<(double X, double Y)> { (fromX, fromY) };
        points.AddRange(path.Select(n => _nodes[n]));
        points.Add((toX, toY));
        var metres = 0.0;
        for (var i = 1; i < points.Count; i++)
        {
            metres += Math.Sqrt(Math.Pow(points[i].X - points[i - 1].X, 2) + Math.Pow(points[i].Y - points[i - 1].Y, 2));
        }

        return new RouteLeg(metres, metres / _metresPerMinute, points);
    }

    private List<int>? ShortestPath(int start, int end)
    {
        if (start == end)
        {
            return [start];
        }

        var (distance, previous) = Tree(start);
        if (double.IsPositiveInfinity(distance[end]))
        {
            return null;
        }

        var path = new List<int>();
        for (var n = end; n != -1; n = previous[n])
        {
            path.Add(n);
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// All shortest paths from one node. A planner asks for the way from each stop to every hotspot many times over,
    /// always from the same few places, so each origin's tree is computed once and kept.
    /// </summary>
    private (double[] Distance, int[] Previous) Tree(int start)
    {
        if (_trees.TryGetValue(start, out var tree))
        {
            return tree;
        }

        var distance = new double[_nodes.Count];
        var previous = new int[_nodes.Count];
        Array.Fill(distance, double.PositiveInfinity);
        Array.Fill(previous, -1);
        distance[start] = 0;
        var queue = new PriorityQueue<int, double>();
        queue.Enqueue(start, 0);
        while (queue.TryDequeue(out var node, out var d))
        {
            if (d > distance[node])
            {
                continue;
            }

            foreach (var (to, metres) in _edges[node])
            {
                var candidate = d + metres;
                if (candidate < distance[to])
                {
                    distance[to] = candidate;
                    previous[to] = node;
                    queue.Enqueue(to, candidate);
                }
            }
        }

        _trees[start] = (distance, previous);
        return (distance, previous);
    }

    private int Nearest(double x, double y)
    {
        var radius = 50.0;
        while (true)
        {
            var found = _nodeTree.Query(new Envelope(x - radius, x + radius, y - radius, y + radius));
            if (found.Count > 0)
            {
                return found.MinBy(n => Math.Pow(_nodes[n].X - x, 2) + Math.Pow(_nodes[n].Y - y, 2));
            }

            radius *= 4;
        }
    }

    private int Node(Coordinate c)
    {
        // Vertices closer than a millimetre are one junction.
        var key = ((long)Math.Round(c.X * 1000), (long)Math.Round(c.Y * 1000));
        if (!_index.TryGetValue(key, out var n))
        {
            n = _nodes.Count;
            _index[key] = n;
            _nodes.Add((c.X, c.Y));
            _edges.Add([]);
        }

        return n;
    }
}
