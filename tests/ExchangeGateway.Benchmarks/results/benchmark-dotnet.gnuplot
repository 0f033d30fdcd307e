$d1024_direct << EOD
1 6385.943 0.29
16 23833.636 1.759
64 35899.641 4.633
EOD
$d1024_proxy_pair << EOD
1 2535.533 0.701
16 8002.396 4.231
64 9728.088 12.009
EOD
$d1024_relay_pair << EOD
1 1550.608 1.094
16 7754.997 4.26
64 11084.856 10.119
EOD
$d1024_gateway_pair << EOD
1 418.657 6.113
16 2227.447 14.077
64 3383.131 35.276
EOD
$d65536_direct << EOD
1 1447.719 1.137
16 2832.55 9.904
64 2875.92 32.433
EOD
$d65536_proxy_pair << EOD
1 734.207 2.387
16 1479.323 19.337
64 1681.465 71.612
EOD
$d65536_relay_pair << EOD
1 541.91 3.328
16 1025.897 25.503
64 1363.769 70.295
EOD
$d65536_gateway_pair << EOD
1 240.36 7.343
16 544.092 44.294
64 745.637 125.868
EOD
$d1048576_direct << EOD
1 111.649 21.033
16 162.173 196.082
64 140.464 932.012
EOD
$d1048576_proxy_pair << EOD
1 67.282 25.164
16 111.24 210.824
64 95.237 877.366
EOD
$d1048576_relay_pair << EOD
1 62.213 28.778
16 81.992 295.356
64 65.456 1618.602
EOD
$d1048576_gateway_pair << EOD
1 32.954 49.303
16 54.639 527.225
64 36.533 2495.044
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run15/benchmark-dotnet.png'
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
