namespace Atlas.Maps;

/// <summary>
/// An equirectangular projection scaled by the cosine of the middle latitude: simple, stable, and accurate enough
/// for a region 13° wide. Fits the bounding box into <see cref="Width"/> with a margin.
/// </summary>
public sealed class MapProjection
{
    private readonly double _minLon;
    private readonly double _maxLat;
    private readonly double _scale;
    private readonly double _cos;
    private readonly double _margin;

    public MapProjection(double minLon, double minLat, double maxLon, double maxLat, double width, double margin = 12)
    {
        _minLon = minLon;
        _maxLat = maxLat;
        _margin = margin;
        _cos = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        _scale = (width - 2 * margin) / ((maxLon - minLon) * _cos);
        Width = width;
        Height = Math.Round((maxLat - minLat) * _scale + 2 * margin);
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>Kilometres per degree of latitude (a mean value; good to 0.5 % here).</summary>
    public const double KilometresPerDegreeLatitude = 111.32;

    /// <summary>The latitude at a map y (the inverse of <see cref="Project"/> for y).</summary>
    public double LatitudeAt(double y) => _maxLat - (y - _margin) / _scale;

    /// <summary>
    /// Kilometres per map unit along a parallel at <paramref name="latitude"/>: the projection keeps one x scale for the
    /// whole map (that of its middle latitude), so east–west distances shrink by cos(latitude)/cos(middle).
    /// </summary>
    public double KilometresPerUnitAt(double latitude) =>
        KilometresPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180) / (_cos * _scale);

    public (double X, double Y) Project(GeoPoint point) =>
        (Math.Round(_margin + (point.Longitude - _minLon) * _cos * _scale, 1),
         Math.Round(_margin + (_maxLat - point.Latitude) * _scale, 1));
}
