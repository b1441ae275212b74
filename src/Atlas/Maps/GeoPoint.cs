namespace Atlas.Maps;

public readonly record struct GeoPoint(double Longitude, double Latitude);
