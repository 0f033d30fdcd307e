$d1024_direct << EOD
1 8218.866 0.201
16 34034.205 1.425
64 49250.086 3.609
EOD
$d1024_proxy_pair << EOD
1 3051.841 0.504
16 8983.079 3.776
64 8869.708 14.394
EOD
$d1024_relay_pair << EOD
1 1954.603 0.835
16 11799.273 2.935
64 13749.083 8.705
EOD
$d1024_gateway_pair << EOD
1 582.088 4.332
16 2857.71 12.892
64 3648.734 36.287
EOD
$d65536_direct << EOD
1 1807.298 1.189
16 2891.119 10.509
64 2873.111 33.938
EOD
$d65536_proxy_pair << EOD
1 825.175 1.894
16 1398.165 18.723
64 1509.77 70.896
EOD
$d65536_relay_pair << EOD
1 664.39 2.499
16 1127.919 23.725
64 1415.318 70.122
EOD
$d65536_gateway_pair << EOD
1 265.152 6.997
16 683.944 37.359
64 827.859 115.469
EOD
$d1048576_direct << EOD
1 150.887 15.885
16 205.546 157.474
64 183.617 677.75
EOD
$d1048576_proxy_pair << EOD
1 70.544 23.111
16 101.564 212.274
64 109.884 799.997
EOD
$d1048576_relay_pair << EOD
1 68.469 29.318
16 86.257 287.541
64 92.71 968.213
EOD
$d1048576_gateway_pair << EOD
1 40.917 40.478
16 60.714 421.43
64 67.365 1858.173
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run10/benchmark-dotnet.png'
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
