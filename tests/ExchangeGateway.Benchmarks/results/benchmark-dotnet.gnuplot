$d1024_direct << EOD
1 8021.183 0.274
16 26318.8 1.244
64 39628.886 3.897
EOD
$d1024_proxy_pair << EOD
1 3060.588 0.751
16 9229.856 3.776
64 11370.158 10.572
EOD
$d1024_relay_pair << EOD
1 1744.544 1.062
16 7959.584 4.6
64 13458.415 9.389
EOD
$d1024_gateway_pair << EOD
1 466.242 4.964
16 2288.796 15.249
64 3955.633 32.008
EOD
$d65536_direct << EOD
1 1625.056 1.13
16 3294.493 9.28
64 3111.973 39.498
EOD
$d65536_proxy_pair << EOD
1 786.269 2.205
16 1705.182 15.939
64 1951.636 51.663
EOD
$d65536_relay_pair << EOD
1 589.067 3.258
16 1255.459 28.54
64 1460.042 68.86
EOD
$d65536_gateway_pair << EOD
1 255.472 8.494
16 694.032 34.218
64 747.727 125.545
EOD
$d1048576_direct << EOD
1 120.873 19.342
16 190.992 159.911
64 194.704 593.708
EOD
$d1048576_proxy_pair << EOD
1 77.945 24.002
16 133.677 168.55
64 132.569 650.405
EOD
$d1048576_relay_pair << EOD
1 67.881 26.564
16 105.564 236.621
64 97.067 905.27
EOD
$d1048576_gateway_pair << EOD
1 40.168 39.843
16 64.179 399.248
64 60.939 2012.463
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run12/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
