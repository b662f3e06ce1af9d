#!/usr/bin/perl
# Builds the demo GeoIP database (MaxMind DB format, GeoIP2-City layout) from demo-locations.csv.
# The scenarios use documentation address ranges (RFC 5737), so reserved networks must be kept.
# Usage: build-mmdb.pl <input.csv> <output.mmdb>
use strict;
use warnings;
use utf8;
use open qw(:std :encoding(UTF-8));
use MaxMind::DB::Writer::Tree;

my ($in, $out) = @ARGV;
die "usage: $0 input.csv output.mmdb\n" unless $in && $out;

my %types = (
    city => 'map', country => 'map', subdivisions => ['array', 'map'], location => 'map',
    names => 'map', en => 'utf8_string', iso_code => 'utf8_string',
    latitude => 'double', longitude => 'double',
);
my $tree = MaxMind::DB::Writer::Tree->new(
    ip_version => 6,
    record_size => 24,
    database_type => 'Vigil-Demo-City',
    languages => ['en'],
    description => { en => 'Vigil demo locations for documentation address ranges' },
    map_key_type_callback => sub { $types{ $_[0] } },
    remove_reserved_networks => 0,
    alias_ipv6_to_ipv4 => 1,
);

open(my $fh, '<', $in) or die "cannot read $in: $!\n";
my $header = <$fh>;
while (my $line = <$fh>) {
    chomp $line;
    next if $line =~ /^\s*(#|$)/;
    my ($net, $city, $region, $country, $cc, $lat, $lon) = split /,/, $line;
    $tree->insert_network($net, {
        city => { names => { en => $city } },
        subdivisions => [ { names => { en => $region } } ],
        country => { names => { en => $country }, iso_code => $cc },
        location => { latitude => $lat + 0.0, longitude => $lon + 0.0 },
    });
}
close $fh;
open(my $o, '>:raw', $out) or die "cannot write $out: $!\n";
$tree->write_tree($o);
close $o;
