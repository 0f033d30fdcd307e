$d1024_direct << EOD
1 4356.598 0.419
16 18003.717 2.563
64 26270.457 6.318
EOD
$d1024_proxy_pair << EOD
1 1597.133 3.233
16 6081.703 5.461
64 6117.995 19.53
EOD
$d1024_relay_pair << EOD
1 1151.22 2.965
16 4325.222 8.983
64 6036.625 20.656
EOD
$d1024_gateway_pair << EOD
1 284.133 9.76
16 1448.286 22.032
64 2313.175 47.037
EOD
$d65536_direct << EOD
1 1077.055 1.678
16 1872.933 15.087
64 1806.86 55.513
EOD
$d65536_proxy_pair << EOD
1 545.388 3.373
16 973.795 25.458
64 959.53 103.906
EOD
$d65536_relay_pair << EOD
1 312.699 10.29
16 724.863 34.748
64 908.605 109.867
EOD
$d65536_gateway_pair << EOD
1 151.619 11.853
16 406.079 53.811
64 542.863 193.795
EOD
$d1048576_direct << EOD
1 81.955 23.835
16 112.366 265.279
64 105.144 1123.6
EOD
$d1048576_proxy_pair << EOD
1 53.254 30.022
16 73.92 273.413
64 90.252 1142.982
EOD
$d1048576_relay_pair << EOD
1 46.244 37.274
16 59.2 369.315
64 58.544 1777.161
EOD
$d1048576_gateway_pair << EOD
1 25.281 62.94
16 43.575 540.869
64 36.98 3634.891
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run14/benchmark-dotnet.png'
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
